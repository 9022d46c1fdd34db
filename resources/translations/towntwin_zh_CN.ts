<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BuildingUse</name>
    <message>
        <source>Residential</source>
        <translation>住宅</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>办公</translation>
    </message>
    <message>
        <source>Retail / mall</source>
        <translation>零售/商场</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation>酒店</translation>
    </message>
    <message>
        <source>Restaurant</source>
        <translation>餐饮</translation>
    </message>
    <message>
        <source>Industrial</source>
        <translation>工业</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓储</translation>
    </message>
    <message>
        <source>Elderly care</source>
        <translation>养老</translation>
    </message>
    <message>
        <source>Laboratory / science</source>
        <translation>实验室/科研</translation>
    </message>
    <message>
        <source>Server room</source>
        <translation>机房</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>停车</translation>
    </message>
    <message>
        <source>Public service</source>
        <translation>公共服务</translation>
    </message>
    <message>
        <source>Agricultural</source>
        <translation>农业</translation>
    </message>
    <message>
        <source>Energy plant</source>
        <translation>能源站</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>EnergyAssetType</name>
    <message>
        <source>Rooftop PV</source>
        <translation>屋顶光伏</translation>
    </message>
    <message>
        <source>Ground PV / agrivoltaics</source>
        <translation>地面光伏/农光互补</translation>
    </message>
    <message>
        <source>Wind turbine</source>
        <translation>风电机组</translation>
    </message>
    <message>
        <source>Gas CHP / trigeneration</source>
        <translation>燃气热电联产/冷热电三联供</translation>
    </message>
    <message>
        <source>Gas boiler</source>
        <translation>燃气锅炉</translation>
    </message>
    <message>
        <source>Biomass boiler</source>
        <translation>生物质锅炉</translation>
    </message>
    <message>
        <source>Ground-source heat pump</source>
        <translation>地源热泵</translation>
    </message>
    <message>
        <source>Electric chiller</source>
        <translation>电制冷机</translation>
    </message>
    <message>
        <source>Battery storage</source>
        <translation>电池储能</translation>
    </message>
    <message>
        <source>Thermal storage</source>
        <translation>蓄热</translation>
    </message>
    <message>
        <source>EV fleet and charging hub</source>
        <translation>电动汽车车队与充电站</translation>
    </message>
    <message>
        <source>Grid connection</source>
        <translation>电网接入</translation>
    </message>
</context>
<context>
    <name>NetworkCarrier</name>
    <message>
        <source>Electricity</source>
        <translation>电力</translation>
    </message>
    <message>
        <source>District heating</source>
        <translation>区域供热</translation>
    </message>
    <message>
        <source>District cooling</source>
        <translation>区域供冷</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Building %1</source>
        <translation>建筑 %1</translation>
    </message>
    <message>
        <source>Asset %1</source>
        <translation>设备 %1</translation>
    </message>
    <message>
        <source>Network link %1</source>
        <translation>管线 %1</translation>
    </message>
    <message>
        <source>Network node %1</source>
        <translation>网络节点 %1</translation>
    </message>
</context>
<context>
    <name>ServiceType</name>
    <message>
        <source>Primary school</source>
        <translation>小学</translation>
    </message>
    <message>
        <source>Hospital / clinic</source>
        <translation>医院/诊所</translation>
    </message>
    <message>
        <source>Elderly care</source>
        <translation>养老</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>零售</translation>
    </message>
    <message>
        <source>Park / green</source>
        <translation>公园/绿地</translation>
    </message>
</context>
<context>
    <name>TelemetryQuantity</name>
    <message>
        <source>Electricity</source>
        <translation>电力</translation>
    </message>
    <message>
        <source>Heating</source>
        <translation>供热</translation>
    </message>
    <message>
        <source>Cooling</source>
        <translation>供冷</translation>
    </message>
    <message>
        <source>PV output</source>
        <translation>光伏出力</translation>
    </message>
    <message>
        <source>Wind output</source>
        <translation>风电出力</translation>
    </message>
    <message>
        <source>CHP output</source>
        <translation>热电联产出力</translation>
    </message>
    <message>
        <source>State of charge</source>
        <translation>荷电状态</translation>
    </message>
    <message>
        <source>EVs available</source>
        <translation>可用电动汽车</translation>
    </message>
    <message>
        <source>Voltage</source>
        <translation>电压</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
</context>
<context>
    <name>TourVideo</name>
    <message>
        <source>d MMMM, HH:mm</source>
        <translation>M月d日 HH:mm</translation>
    </message>
</context>
<context>
    <name>TourVideoExport</name>
    <message>
        <source>Filming the tour &apos;%1&apos;…</source>
        <translation>正在录制漫游“%1”…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Pick a tour in the Views dock to film first.</source>
        <translation>请先在“视图”面板中选择要录制的漫游。</translation>
    </message>
    <message>
        <source>Export tour video</source>
        <translation>导出漫游视频</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>Frame size (25 frames a second)</source>
        <translation>画面尺寸（每秒 25 帧）</translation>
    </message>
    <message>
        <source>Tour &apos;%1&apos; filmed at %2 into %3</source>
        <translation>漫游“%1”已按 %2 录制到 %3</translation>
    </message>
</context>
<context>
    <name>ZoneClass</name>
    <message>
        <source>Agricultural</source>
        <translation>农业</translation>
    </message>
    <message>
        <source>Residential</source>
        <translation>住宅</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>商业</translation>
    </message>
    <message>
        <source>Industrial</source>
        <translation>工业</translation>
    </message>
    <message>
        <source>Public service</source>
        <translation>公共服务</translation>
    </message>
    <message>
        <source>Green / park</source>
        <translation>绿地/公园</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>水域</translation>
    </message>
    <message>
        <source>Energy / utility</source>
        <translation>能源/市政设施</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>道路</translation>
    </message>
</context>
<context>
    <name>tt::AlarmModel</name>
    <message>
        <source>High</source>
        <translation>过高</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>过低</translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
</context>
<context>
    <name>tt::AlarmPanel</name>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>全部确认</translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation>偏差</translation>
    </message>
</context>
<context>
    <name>tt::ArchetypeSetBox</name>
    <message>
        <source>The building archetypes (standards, schedules, envelopes) the demand is simulated with</source>
        <translation>模拟负荷所用的建筑原型（标准、作息、围护结构）</translation>
    </message>
    <message>
        <source>Automatic: %1</source>
        <translation>自动：%1</translation>
    </message>
    <message>
        <source>Buildings: automatic archetypes</source>
        <translation>建筑：自动选择原型</translation>
    </message>
    <message>
        <source>Buildings: %1</source>
        <translation>建筑：%1</translation>
    </message>
</context>
<context>
    <name>tt::BuildingEditor</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Storeys</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Year built</source>
        <translation>建成年份</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>多种</translation>
    </message>
    <message>
        <source> m</source>
        <translation> 米</translation>
    </message>
    <message>
        <source>Rename building</source>
        <translation>重命名建筑</translation>
    </message>
    <message>
        <source>Set use to %1</source>
        <translation>用途设为%1</translation>
    </message>
    <message>
        <source>Set storeys to %1</source>
        <translation>层数设为 %1</translation>
    </message>
    <message>
        <source>Set height to %1 m</source>
        <translation>高度设为 %1 米</translation>
    </message>
    <message>
        <source>Set year built to %1</source>
        <translation>建成年份设为 %1</translation>
    </message>
    <message numerus="yes">
        <source>Edit %n building(s)</source>
        <translation>
            <numerusform>编辑 %n 栋建筑</numerusform>
        </translation>
    </message>
    <message>
        <source>(mixed)</source>
        <translation>（多种）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>tt::DrawLinkTool</name>
    <message>
        <source>Draw %1 link: click near a node of that network to start; drag orbits</source>
        <translation>绘制%1管线：在该网络的节点附近单击开始；拖动可旋转视角</translation>
    </message>
    <message>
        <source>Draw network link from node %1: click near another node of its network, or anywhere for a new junction; Esc drops it</source>
        <translation>从节点 %1 绘制管线：在同一网络的另一节点附近单击，或在任意位置单击新建接点；按 Esc 放弃</translation>
    </message>
    <message>
        <source>Click on the ground to draw a network link</source>
        <translation>请在地面上单击以绘制管线</translation>
    </message>
    <message>
        <source>No %1 node within %2 m of the click: start a link at a node of that network (the options bar chooses the network)</source>
        <translation>单击处 %2 米内没有%1节点：请从该网络的节点开始绘制管线（网络在选项栏中选择）</translation>
    </message>
    <message>
        <source>Draw network link</source>
        <translation>绘制管线</translation>
    </message>
</context>
<context>
    <name>tt::DrawTool</name>
    <message>
        <source>Draw building</source>
        <translation>绘制建筑</translation>
    </message>
    <message>
        <source>Draw zone</source>
        <translation>绘制地块</translation>
    </message>
    <message>
        <source>%1: click corners, double-click or Enter to finish, or drag a rectangle; Backspace removes a corner, Esc cancels</source>
        <translation>%1：单击各角点，双击或按 Enter 完成，或拖出矩形；Backspace 删除角点，Esc 取消</translation>
    </message>
    <message>
        <source>The new building</source>
        <translation>新建筑</translation>
    </message>
    <message>
        <source>The new zone</source>
        <translation>新地块</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <source>New %1 zone</source>
        <translation>新建%1地块</translation>
    </message>
</context>
<context>
    <name>tt::EconomicsTable</name>
    <message>
        <source>%1 CNY/kWh</source>
        <translation>%1 元/kWh</translation>
    </message>
    <message>
        <source>Rooftop PV</source>
        <translation>屋顶光伏</translation>
    </message>
    <message>
        <source>Ground PV</source>
        <translation>地面光伏</translation>
    </message>
    <message>
        <source>Wind</source>
        <translation>风电</translation>
    </message>
    <message>
        <source>CHP</source>
        <translation>热电联产</translation>
    </message>
    <message>
        <source>Absorption chiller</source>
        <translation>吸收式制冷机</translation>
    </message>
    <message>
        <source>Gas boiler</source>
        <translation>燃气锅炉</translation>
    </message>
    <message>
        <source>Biomass boiler</source>
        <translation>生物质锅炉</translation>
    </message>
    <message>
        <source>Heat pumps</source>
        <translation>热泵</translation>
    </message>
    <message>
        <source>Electric chillers</source>
        <translation>电制冷机</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <source>Thermal storage</source>
        <translation>蓄热</translation>
    </message>
    <message>
        <source>EV fleet</source>
        <translation>电动汽车车队</translation>
    </message>
    <message>
        <source>Grid connection</source>
        <translation>电网接入</translation>
    </message>
    <message>
        <source>Capex %1, replacements %2, salvage −%3 (present values), plus the yearly opex discounted over the period</source>
        <translation>投资 %1，设备更换 %2，残值 −%3（现值），加上分析期内折现的年运营成本</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Real discount rate per year the net present cost, NPV and annualised cost are computed with (project setting)</source>
        <translation>计算净现成本、净现值和年化成本所用的年实际折现率（项目设置）</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Years the plan is costed over: parts that wear out sooner are bought again, life left at the end is credited (project setting)</source>
        <translation>方案的成本核算年限：寿命较短的设备按期重新购置，期末剩余寿命计入残值（项目设置）</translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation>折现率</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>分析期</translation>
    </message>
    <message>
        <source>This plan</source>
        <translation>本方案</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基准方案</translation>
    </message>
    <message>
        <source>The town&apos;s micro-energy system as planned</source>
        <translation>规划的小镇微能源系统</translation>
    </message>
    <message>
        <source>Separate production: the same demand from the grid, gas boilers and electric chillers</source>
        <translation>分产方案：同样的负荷由电网、燃气锅炉和电制冷机供应</translation>
    </message>
    <message>
        <source>&#x2003;of which %1</source>
        <translation>&#x2003;其中%1</translation>
    </message>
    <message>
        <source>Capex</source>
        <translation>初始投资</translation>
    </message>
    <message>
        <source>Annual opex</source>
        <translation>年运营成本</translation>
    </message>
    <message>
        <source>energy bill</source>
        <translation>能源费用</translation>
    </message>
    <message>
        <source>demand charge</source>
        <translation>需量电费</translation>
    </message>
    <message>
        <source>O&amp;M</source>
        <translation>运维</translation>
    </message>
    <message>
        <source>Annualised cost</source>
        <translation>年化成本</translation>
    </message>
    <message>
        <source>Net present cost</source>
        <translation>净现成本</translation>
    </message>
    <message>
        <source>Levelised cost of electricity</source>
        <translation>平准化度电成本</translation>
    </message>
    <message>
        <source>Everything bought at the start</source>
        <translation>期初的全部购置费用</translation>
    </message>
    <message>
        <source>Energy bill and operation and maintenance, per year</source>
        <translation>每年的能源费用及运行维护费用</translation>
    </message>
    <message>
        <source>Electricity (with the demand charge) and fuel bought, less electricity sold, per year</source>
        <translation>每年购电（含需量电费）和购买燃料的费用，减去售电收入</translation>
    </message>
    <message>
        <source>The tariff&apos;s charge on each month&apos;s highest grid import, per year</source>
        <translation>电价中按每月最大电网购电功率计收的费用，按年计</translation>
    </message>
    <message>
        <source>Fixed and variable operation and maintenance, per year</source>
        <translation>每年的固定和可变运维费用</translation>
    </message>
    <message>
        <source>The net present cost as an equal yearly payment over the period</source>
        <translation>把净现成本折算为分析期内每年等额支付的金额</translation>
    </message>
    <message>
        <source>Capex, replacements and opex over the period, less the salvage value, at today&apos;s value</source>
        <translation>分析期内的初始投资、设备更换和运营成本减去残值，按现值计</translation>
    </message>
    <message>
        <source>Annualised cost per kWh of electricity served (CNY/kWh)</source>
        <translation>每供应 1 kWh 电的年化成本（元/kWh）</translation>
    </message>
    <message>
        <source>NPV against the baseline</source>
        <translation>相对基准方案的净现值</translation>
    </message>
    <message>
        <source>Simple payback</source>
        <translation>静态投资回收期</translation>
    </message>
    <message>
        <source>Choose a weather file to simulate the year</source>
        <translation>请选择气象文件以模拟全年</translation>
    </message>
    <message>
        <source>/a</source>
        <translation>/年</translation>
    </message>
    <message>
        <source>over %1 years at %2 % a year</source>
        <translation>%1 年，年折现率 %2 %</translation>
    </message>
    <message>
        <source>The baseline&apos;s net present cost less the plan&apos;s, %1: above zero the plan pays off</source>
        <translation>基准方案的净现成本减去本方案的净现成本（%1）：大于零即本方案合算</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <source>never</source>
        <translation>无法回收</translation>
    </message>
    <message>
        <source>The plan&apos;s extra capex over the baseline divided by its yearly opex saving, undiscounted; &quot;never&quot; when it saves nothing a year</source>
        <translation>本方案比基准方案多出的投资除以每年节省的运营成本，不折现；每年没有节省时为“无法回收”</translation>
    </message>
    <message>
        <source>Costs at 2024 prices, %1. Tariff: %2 (%3).</source>
        <translation>成本按 2024 年价格计，%1。电价：%2（%3）。</translation>
    </message>
    <message>
        <source>Discount rate %1 %</source>
        <translation>折现率 %1 %</translation>
    </message>
    <message>
        <source>Analysis period %1 years</source>
        <translation>分析期 %1 年</translation>
    </message>
</context>
<context>
    <name>tt::EnergyPanel</name>
    <message>
        <source>Electricity</source>
        <translation>电力</translation>
    </message>
    <message>
        <source>Heating and hot water</source>
        <translation>供暖和生活热水</translation>
    </message>
    <message>
        <source>Cooling</source>
        <translation>供冷</translation>
    </message>
    <message>
        <source>Weather</source>
        <translation>气象</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>Optimal (lowest cost)</source>
        <translation>最优（成本最低）</translation>
    </message>
    <message>
        <source>Rule-based</source>
        <translation>基于规则</translation>
    </message>
    <message>
        <source>How storage, CHP, heat pumps and the grid are dispatched hour by hour</source>
        <translation>储能、热电联产、热泵和电网的逐时调度方式</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Self-sufficiency</source>
        <translation>自给率</translation>
    </message>
    <message>
        <source>Renewable share</source>
        <translation>可再生能源占比</translation>
    </message>
    <message>
        <source>CO₂ emissions</source>
        <translation>CO₂ 排放</translation>
    </message>
    <message>
        <source>Energy cost</source>
        <translation>能源费用</translation>
    </message>
    <message>
        <source>Primary energy saving</source>
        <translation>一次能源节约率</translation>
    </message>
    <message>
        <source>CO₂ saving</source>
        <translation>CO₂ 减排率</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Annual demand (MWh)</source>
        <translation>年需求 (MWh)</translation>
    </message>
    <message>
        <source>Peak electric (kW)</source>
        <translation>电力峰值 (kW)</translation>
    </message>
    <message>
        <source>PV yield (MWh)</source>
        <translation>光伏发电量 (MWh)</translation>
    </message>
    <message>
        <source>Net balance (MWh, PV minus electricity)</source>
        <translation>净平衡（MWh，光伏减用电）</translation>
    </message>
    <message>
        <source>Electric load at the shown hour (kW)</source>
        <translation>所示时刻的电力负荷 (kW)</translation>
    </message>
    <message>
        <source>Annual demand counts electricity, heating, cooling and hot water; the net balance compares rooftop PV with the building&apos;s own electricity demand</source>
        <translation>年需求包括电力、供暖、供冷和生活热水；净平衡比较屋顶光伏与建筑自身的用电需求</translation>
    </message>
    <message>
        <source>Colour buildings by</source>
        <translation>建筑着色依据</translation>
    </message>
    <message>
        <source>kW</source>
        <translation>kW</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Monthly balance</source>
        <translation>月度平衡</translation>
    </message>
    <message>
        <source>Building profile</source>
        <translation>建筑负荷曲线</translation>
    </message>
    <message>
        <source>The year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>The shown day</source>
        <translation>所示日期</translation>
    </message>
    <message>
        <source>Energy over</source>
        <translation>能流时段</translation>
    </message>
    <message>
        <source>Energy flows</source>
        <translation>能流</translation>
    </message>
    <message>
        <source>Economics</source>
        <translation>经济性</translation>
    </message>
    <message>
        <source>Energy on %1 (kWh)</source>
        <translation>%1 的能流 (kWh)</translation>
    </message>
    <message>
        <source>Energy over the year (MWh)</source>
        <translation>全年能流 (MWh)</translation>
    </message>
    <message>
        <source>No weather file — choose an EPW</source>
        <translation>没有气象文件——请选择 EPW 文件</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>待更新</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>Up to date (%1 s)</source>
        <translation>已是最新（%1 秒）</translation>
    </message>
    <message>
        <source>Choose a weather file to simulate the year</source>
        <translation>请选择气象文件以模拟全年</translation>
    </message>
    <message>
        <source>1 − grid import / electricity used in the town (buildings, heat pumps, chillers, EVs)</source>
        <translation>1 − 电网购电量 / 小镇用电量（建筑、热泵、制冷机、电动汽车）</translation>
    </message>
    <message>
        <source>PV, wind, biomass and ambient heat among all energy the system takes in</source>
        <translation>光伏、风电、生物质和环境热在系统全部输入能源中的占比</translation>
    </message>
    <message>
        <source>%1 t/a</source>
        <translation>%1 吨/年</translation>
    </message>
    <message>
        <source>Baseline %1 t/a</source>
        <translation>基准方案 %1 吨/年</translation>
    </message>
    <message>
        <source>%1 M CNY/a</source>
        <translation>%1 百万元/年</translation>
    </message>
    <message>
        <source>Energy cost in the tariff&apos;s currency; baseline %1 M CNY/a</source>
        <translation>按电价所用货币计的能源费用；基准方案 %1 百万元/年</translation>
    </message>
    <message>
        <source>Non-renewable primary energy against the baseline (grid, gas boilers, electric chillers); %1 with credit for export</source>
        <translation>相对基准方案（电网、燃气锅炉、电制冷机）节约的非可再生一次能源；计入上网电量抵扣时为 %1</translation>
    </message>
    <message>
        <source>CO₂ against the baseline</source>
        <translation>相对基准方案的 CO₂ 减排</translation>
    </message>
    <message>
        <source>Select a building to see its hourly demand</source>
        <translation>选择一栋建筑以查看其逐时负荷</translation>
    </message>
    <message>
        <source>Choose a weather file to see the building&apos;s hourly demand</source>
        <translation>请选择气象文件以查看建筑的逐时负荷</translation>
    </message>
    <message>
        <source>Computing the building&apos;s hourly demand…</source>
        <translation>正在计算建筑的逐时负荷…</translation>
    </message>
    <message>
        <source>Building %1</source>
        <translation>建筑 %1</translation>
    </message>
    <message>
        <source>%1 — week %2 (%3)</source>
        <translation>%1——第 %2 周（%3）</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <translation>M月d日 ddd</translation>
    </message>
    <message>
        <source>ddd d</source>
        <translation>d日 ddd</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>M月d日</translation>
    </message>
</context>
<context>
    <name>tt::EnergyRunner</name>
    <message>
        <source>Use weather %1</source>
        <translation>使用气象文件 %1</translation>
    </message>
</context>
<context>
    <name>tt::EnergySankey</name>
    <message>
        <source>Grid import</source>
        <translation>电网购电</translation>
    </message>
    <message>
        <source>PV</source>
        <translation>光伏</translation>
    </message>
    <message>
        <source>Wind</source>
        <translation>风电</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>燃气</translation>
    </message>
    <message>
        <source>Biomass</source>
        <translation>生物质</translation>
    </message>
    <message>
        <source>Ground and air heat</source>
        <translation>地热与空气热</translation>
    </message>
    <message>
        <source>CHP</source>
        <translation>热电联产</translation>
    </message>
    <message>
        <source>Boilers</source>
        <translation>锅炉</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>电力</translation>
    </message>
    <message>
        <source>Heat pumps</source>
        <translation>热泵</translation>
    </message>
    <message>
        <source>Chillers</source>
        <translation>制冷机</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <source>Heat</source>
        <translation>热</translation>
    </message>
    <message>
        <source>Absorption chillers</source>
        <translation>吸收式制冷机</translation>
    </message>
    <message>
        <source>Heat storage</source>
        <translation>蓄热</translation>
    </message>
    <message>
        <source>Cooling</source>
        <translation>供冷</translation>
    </message>
    <message>
        <source>Buildings&apos; electricity</source>
        <translation>建筑用电</translation>
    </message>
    <message>
        <source>EV fleet</source>
        <translation>电动汽车车队</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>上网</translation>
    </message>
    <message>
        <source>Space heat and hot water</source>
        <translation>供暖和生活热水</translation>
    </message>
    <message>
        <source>Space cooling</source>
        <translation>空间供冷</translation>
    </message>
    <message>
        <source>Network losses and pumping</source>
        <translation>管网损耗与泵送</translation>
    </message>
    <message>
        <source>Conversion and storage losses</source>
        <translation>转换与储能损耗</translation>
    </message>
    <message>
        <source>Heat dumped</source>
        <translation>弃热</translation>
    </message>
</context>
<context>
    <name>tt::ImportDialog</name>
    <message>
        <source>Import GIS data</source>
        <translation>导入 GIS 数据</translation>
    </message>
    <message>
        <source>Buildings (required):</source>
        <translation>建筑（必填）：</translation>
    </message>
    <message>
        <source>Terrain (DEM):</source>
        <translation>地形 (DEM)：</translation>
    </message>
    <message>
        <source>Surroundings (context):</source>
        <translation>周边建筑（背景）：</translation>
    </message>
    <message>
        <source>Land-use zones:</source>
        <translation>用地分区：</translation>
    </message>
    <message>
        <source>Roads:</source>
        <translation>道路：</translation>
    </message>
    <message>
        <source>Join attribute table:</source>
        <translation>关联属性表：</translation>
    </message>
    <message>
        <source>key field in both, e.g. Name</source>
        <translation>两者共有的关键字段，例如 Name</translation>
    </message>
    <message>
        <source>Join key:</source>
        <translation>关联字段：</translation>
    </message>
    <message>
        <source>automatic (building, 1ST_USE, use, ...)</source>
        <translation>自动（building、1ST_USE、use 等）</translation>
    </message>
    <message>
        <source>Use field:</source>
        <translation>用途字段：</translation>
    </message>
    <message>
        <source>automatic (name, name:zh, 名称, name:en, ...)</source>
        <translation>自动（name、name:zh、名称、name:en 等）</translation>
    </message>
    <message>
        <source>Name field:</source>
        <translation>名称字段：</translation>
    </message>
    <message>
        <source>for data without a CRS or with a wrong one, e.g. EPSG:3857</source>
        <translation>用于没有坐标参考系或坐标参考系有误的数据，例如 EPSG:3857</translation>
    </message>
    <message>
        <source>Assume CRS:</source>
        <translation>假定坐标参考系：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Elevation rasters (*.tif *.tiff *.asc *.img *.gpkg *.vrt *.dem *.hgt *.nc);;All files (*)</source>
        <translation>高程栅格 (*.tif *.tiff *.asc *.img *.gpkg *.vrt *.dem *.hgt *.nc);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Vector data (*.geojson *.json *.shp *.gpkg *.osm *.pbf *.csv *.kml *.gml *.fgb *.sqlite);;All files (*)</source>
        <translation>矢量数据 (*.geojson *.json *.shp *.gpkg *.osm *.pbf *.csv *.kml *.gml *.fgb *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Tables (*.dbf *.csv *.xlsx *.ods *.gpkg *.sqlite);;All files (*)</source>
        <translation>表格 (*.dbf *.csv *.xlsx *.ods *.gpkg *.sqlite);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>tt::ImportJob</name>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Coordinate reference system</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <source>%1

Which CRS are these coordinates in? (e.g. EPSG:32651, or EPSG:3857 for Web Mercator)</source>
        <translation>%1

这些坐标属于哪个坐标参考系？（例如 EPSG:32651；Web 墨卡托为 EPSG:3857）</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Skipped %1 feature %2: %3</source>
        <translation>已跳过%1要素 %2：%3</translation>
    </message>
    <message>
        <source>%1 feature %2: %3</source>
        <translation>%1要素 %2：%3</translation>
    </message>
    <message>
        <source>Repaired %1 feature %2: %3</source>
        <translation>已修复%1要素 %2：%3</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Project CRS %1: %2</source>
        <translation>项目坐标参考系 %1：%2</translation>
    </message>
    <message>
        <source>Imported %1 buildings, %2 zones, %3 roads from %4 (%5 heights guessed, %6 features skipped)</source>
        <translation>已从 %4 导入 %1 栋建筑、%2 个地块、%3 条道路（%5 个高度为估计值，跳过 %6 个要素）</translation>
    </message>
</context>
<context>
    <name>tt::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>tt::LayersPanel</name>
    <message>
        <source>Hatch guessed heights</source>
        <translation>估计高度加阴影线</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Terrain</source>
        <translation>地形</translation>
    </message>
    <message>
        <source>Land-use zones</source>
        <translation>用地分区</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Energy assets</source>
        <translation>能源设备</translation>
    </message>
    <message>
        <source>Energy networks</source>
        <translation>能源管网</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>样式</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Colour buildings by</source>
        <translation>建筑着色依据</translation>
    </message>
    <message>
        <source>Plain</source>
        <translation>单色</translation>
    </message>
    <message>
        <source>Hillshade</source>
        <translation>山体阴影</translation>
    </message>
    <message>
        <source>Contours</source>
        <translation>等高线</translation>
    </message>
    <message>
        <source>Buildings whose height came from a default rather than the data</source>
        <translation>高度取自默认值而非数据的建筑</translation>
    </message>
    <message>
        <source>Date and time of the sun lighting the scene (the site&apos;s standard time)</source>
        <translation>场景日照的日期和时间（场地标准时间）</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日照</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Energy dock&apos;s values</source>
        <translation>能源面板的数值</translation>
    </message>
</context>
<context>
    <name>tt::LiveConnectDialog</name>
    <message>
        <source>Connect to telemetry</source>
        <translation>连接遥测</translation>
    </message>
    <message>
        <source>none: readings sent while away are lost</source>
        <translation>无：断开期间发送的读数将丢失</translation>
    </message>
    <message>
        <source>for this session only; never saved</source>
        <translation>仅用于本次会话，不会保存</translation>
    </message>
    <message>
        <source>&amp;Broker (host:port):</source>
        <translation>消息代理（主机:端口）(&amp;B)：</translation>
    </message>
    <message>
        <source>Topic &amp;prefix:</source>
        <translation>主题前缀(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>客户端 ID(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Password &amp;file:</source>
        <translation>密码文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Password file</source>
        <translation>密码文件</translation>
    </message>
    <message>
        <source>&amp;TLS CA certificate:</source>
        <translation>TLS CA 证书(&amp;T)：</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>证书 (*.pem *.crt)</translation>
    </message>
    <message>
        <source>&amp;Mapping file:</source>
        <translation>映射文件(&amp;M)：</translation>
    </message>
    <message>
        <source>Telemetry mapping</source>
        <translation>遥测映射</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>&amp;Record history in:</source>
        <translation>历史记录保存到(&amp;R)：</translation>
    </message>
    <message>
        <source>History file</source>
        <translation>历史记录文件</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>The project remembers everything here but the password. A client id gives a persistent session: the broker keeps readings for TownTwin while it is away.</source>
        <translation>除密码外，项目会记住此处的全部设置。填写客户端 ID 可建立持久会话：TownTwin 断开期间，消息代理会为其保留读数。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>tt::LivePanel</name>
    <message>
        <source>Connect…</source>
        <translation>连接…</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>Simulated, same hours of the year</source>
        <translation>模拟（全年中的相同时刻）</translation>
    </message>
    <message>
        <source>Not connected. Operations ▸ Connect to telemetry… watches the town&apos;s meters live.</source>
        <translation>未连接。使用“运行 ▸ 连接遥测…”可实时监测小镇的计量表。</translation>
    </message>
    <message>
        <source>Connected to %1; recording in %2</source>
        <translation>已连接到 %1；记录到 %2</translation>
    </message>
    <message>
        <source>Connecting to %1 (retrying with back-off)…</source>
        <translation>正在连接 %1（退避重试中）…</translation>
    </message>
    <message>
        <source>Received %L1 · accepted %L2 · rejected %L3 · recorded %L4
Newest reading: %5 (site time)</source>
        <translation>已接收 %L1 · 已接受 %L2 · 已拒绝 %L3 · 已记录 %L4
最新读数：%5（场地时间）</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>
Plan from %1 for %2 h: %3 set-points, solved in %4 ms</source>
        <translation>
自 %1 起 %2 小时的计划：%3 个设定值，求解用时 %4 毫秒</translation>
    </message>
    <message>
        <source>
Planning set-points every hour once data and the simulation are in</source>
        <translation>
数据和模拟结果就绪后，每小时规划一次设定值</translation>
    </message>
    <message>
        <source>Select a building, asset or network element</source>
        <translation>请选择建筑、设备或管网元件</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <source>dd MMM HH:mm</source>
        <translation>M月d日 HH:mm</translation>
    </message>
</context>
<context>
    <name>tt::LiveSession</name>
    <message>
        <source>Live view: the simulation to compare measurements with could not be run; no deviation alarms.</source>
        <translation>实时视图：无法运行用于对比实测值的模拟，因此不产生偏差告警。</translation>
    </message>
    <message>
        <source>Broker: %1</source>
        <translation>消息代理：%1</translation>
    </message>
    <message>
        <source>%1: cannot read the password file: %2</source>
        <translation>%1：无法读取密码文件：%2</translation>
    </message>
    <message>
        <source>Live view: no weather for the site, so nothing to compare measurements with.</source>
        <translation>实时视图：场地没有气象数据，无法与实测值对比。</translation>
    </message>
    <message>
        <source>Telemetry: %1</source>
        <translation>遥测：%1</translation>
    </message>
    <message numerus="yes">
        <source>Telemetry: %n reading(s) rejected (%1)</source>
        <translation>
            <numerusform>遥测：已拒绝 %n 条读数（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>; e.g. %1</source>
        <translation>；例如 %1</translation>
    </message>
    <message>
        <source>Not connected to telemetry</source>
        <translation>未连接遥测</translation>
    </message>
    <message>
        <source>Operations plan: %1</source>
        <translation>运行计划：%1</translation>
    </message>
    <message>
        <source>Operations plan: set-points for the next %1 h published to %2 assets on %3/&lt;asset&gt;/setpoint</source>
        <translation>运行计划：未来 %1 小时的设定值已发布给 %2 台设备，主题 %3/&lt;asset&gt;/setpoint</translation>
    </message>
</context>
<context>
    <name>tt::MainWindow</name>
    <message>
        <source>No project open: File ▸ Open, File ▸ Import GIS data, or File ▸ New</source>
        <translation>未打开项目：请使用“文件 ▸ 打开”“文件 ▸ 导入 GIS 数据”或“文件 ▸ 新建”</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>Autosaved to %1</source>
        <translation>已自动保存到 %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Re&amp;cover Autosave…</source>
        <translation>恢复自动保存(&amp;C)…</translation>
    </message>
    <message>
        <source>Nothing to recover: no autosave was left by a session that ended abnormally.</source>
        <translation>没有可恢复的内容：没有异常结束的会话留下自动保存。</translation>
    </message>
    <message>
        <source>Offer the autosave a crashed session left for this plan</source>
        <translation>提供崩溃会话为本方案留下的自动保存</translation>
    </message>
    <message>
        <source>&amp;Import GIS data…</source>
        <translation>导入 GIS 数据(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Export tour &amp;video…</source>
        <translation>导出漫游视频(&amp;V)…</translation>
    </message>
    <message>
        <source>Film the tour picked in the Views dock as an MP4 video</source>
        <translation>将“视图”面板中选中的漫游录制为 MP4 视频</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>&amp;Home view</source>
        <translation>初始视角(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Top view</source>
        <translation>俯视图(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;North up</source>
        <translation>正北朝上(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Fly to selection</source>
        <translation>飞到所选对象(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen for an audience, through the tour picked in the Views dock; Esc leaves</source>
        <translation>全屏向观众演示“视图”面板中选中的漫游；按 Esc 退出</translation>
    </message>
    <message>
        <source>E&amp;nergy</source>
        <translation>能源(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Optimise sizes…</source>
        <translation>优化容量配置(&amp;O)…</translation>
    </message>
    <message>
        <source>Size PV, wind, storage, CHP, heat pumps, boilers and chillers for the simulated year</source>
        <translation>按模拟年份为光伏、风电、储能、热电联产、热泵、锅炉和制冷机配置容量</translation>
    </message>
    <message>
        <source>&amp;Lay out networks</source>
        <translation>布置管网(&amp;L)</translation>
    </message>
    <message>
        <source>Lay the feeder and the heating and cooling networks along the roads from the energy plant to every building, sized from the simulated peaks (replaces the present ones)</source>
        <translation>沿道路从能源站向每栋建筑布置馈线及供热、供冷管网，并按模拟峰值确定规格（替换现有管网）</translation>
    </message>
    <message>
        <source>&amp;Operations</source>
        <translation>运行(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Connect to telemetry…</source>
        <translation>连接遥测(&amp;C)…</translation>
    </message>
    <message>
        <source>Watch the town&apos;s meters live through an MQTT broker, record them and raise alarms</source>
        <translation>通过 MQTT 消息代理实时监测小镇的计量表，记录数据并发出告警</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Plan set-points every hour</source>
        <translation>每小时规划设定值(&amp;P)</translation>
    </message>
    <message>
        <source>Every hour, optimise the next 48 h from the measured storage, vehicles and loads, and publish the set-points of batteries, CHP, EV fleets and heat pumps</source>
        <translation>每小时根据实测的储能、车辆和负荷优化未来 48 小时的运行，并发布电池、热电联产、电动汽车车队和热泵的设定值</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About TownTwin</source>
        <translation>关于 TownTwin(&amp;A)</translation>
    </message>
    <message>
        <source>About TownTwin</source>
        <translation>关于 TownTwin</translation>
    </message>
    <message>
        <source>&lt;h3&gt;TownTwin %1&lt;/h3&gt;&lt;p&gt;A digital twin for planning and operating small green smart towns: GIS data in 3D, zoning and plan checks, and the town&apos;s micro-energy system.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;TownTwin %1&lt;/h3&gt;&lt;p&gt;用于规划和运营绿色智慧小镇的数字孪生：三维 GIS 数据、用地分区与规划校核，以及小镇的微能源系统。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>KPIs and plan check</source>
        <translation>指标与规划校核</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能源</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Alarms (%1)</source>
        <translation>告警（%1）</translation>
    </message>
    <message>
        <source>&lt;opened plan&gt;</source>
        <translation>&lt;打开的方案&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Telemetry connection</source>
        <translation>遥测连接</translation>
    </message>
    <message>
        <source>Telemetry: %1</source>
        <translation>遥测：%1</translation>
    </message>
    <message>
        <source>Telemetry: watching %1/… on %2, recording in %3</source>
        <translation>遥测：正在 %2 上监测 %1/…，记录到 %3</translation>
    </message>
    <message>
        <source>Lay out networks: choose a weather file first (Energy dock): the networks are sized from the simulated year</source>
        <translation>布置管网：请先（在能源面板中）选择气象文件，管网规格依据模拟年份确定</translation>
    </message>
    <message>
        <source>Laying out the networks…</source>
        <translation>正在布置管网…</translation>
    </message>
    <message>
        <source>Lay out networks: %1</source>
        <translation>布置管网：%1</translation>
    </message>
    <message>
        <source>Lay out networks</source>
        <translation>布置管网</translation>
    </message>
    <message>
        <source>Networks laid out: feeder %1 km with %2 transformers, heating %3 km, cooling %4 km (%5 M CNY at catalogue prices)</source>
        <translation>管网已布置：馈线 %1 公里、%2 台变压器，供热管网 %3 公里，供冷管网 %4 公里（按目录价格计 %5 百万元）</translation>
    </message>
    <message>
        <source>Applied the optimised sizes (Edit ▸ Undo restores the assets).</source>
        <translation>已应用优化后的容量（“编辑 ▸ 撤销”可恢复原有设备）。</translation>
    </message>
    <message>
        <source>Sizes applied: %1</source>
        <translation>已应用容量：%1</translation>
    </message>
    <message>
        <source>Applied the optimised sizes</source>
        <translation>已应用优化后的容量</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <source>Select &amp;None</source>
        <translation>取消选择(&amp;N)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Nothing selected to fly to</source>
        <translation>没有选中可飞往的对象</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1 buildings · %2 zones · %3 roads · %4</source>
        <translation>%1 栋建筑 · %2 个地块 · %3 条道路 · %4</translation>
    </message>
    <message>
        <source>no CRS</source>
        <translation>无坐标参考系</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Write the plan&apos;s report as a PDF: land use, plan check, capacity, energy</source>
        <translation>将方案报告写成 PDF：用地、规划校核、承载能力、能源</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>方案比选</translation>
    </message>
</context>
<context>
    <name>tt::MonthlyBalanceChart</name>
    <message>
        <source>PV</source>
        <translation>光伏</translation>
    </message>
    <message>
        <source>Wind</source>
        <translation>风电</translation>
    </message>
    <message>
        <source>CHP</source>
        <translation>热电联产</translation>
    </message>
    <message>
        <source>Battery/EV</source>
        <translation>电池/电动汽车</translation>
    </message>
    <message>
        <source>Grid import</source>
        <translation>电网购电</translation>
    </message>
    <message>
        <source>Unmet</source>
        <translation>未满足</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用电</translation>
    </message>
    <message>
        <source>MWh</source>
        <translation>MWh</translation>
    </message>
    <message>
        <source>Monthly electricity: supply (bars) and use (line)</source>
        <translation>逐月电力：供应（柱）与用电（线）</translation>
    </message>
    <message>
        <source>Bars: where the month&apos;s electricity came from. Line: what the town used (buildings, heat pumps, chillers, EV charging). Supply above the line was stored in batteries or exported.</source>
        <translation>柱：当月电力的来源。线：小镇的用电量（建筑、热泵、制冷机、电动汽车充电）。高出折线的供电量存入电池或上网。</translation>
    </message>
</context>
<context>
    <name>tt::PlaceAssetTool</name>
    <message>
        <source>Place %1: click where it goes (rooftop PV: click a roof); drag orbits</source>
        <translation>放置%1：在目标位置单击（屋顶光伏请单击屋顶）；拖动可旋转视角</translation>
    </message>
    <message>
        <source>Click on the terrain to place %1</source>
        <translation>请在地形上单击以放置%1</translation>
    </message>
    <message>
        <source>Rooftop PV goes on a roof: click a building</source>
        <translation>屋顶光伏须放在屋顶上：请单击一栋建筑</translation>
    </message>
    <message>
        <source>%1 would stand outside the terrain</source>
        <translation>%1会位于地形范围之外</translation>
    </message>
    <message>
        <source>Place %1</source>
        <translation>放置%1</translation>
    </message>
    <message>
        <source>Place energy asset</source>
        <translation>放置能源设备</translation>
    </message>
</context>
<context>
    <name>tt::PlaybackController</name>
    <message>
        <source>Peak electricity demand</source>
        <translation>电力需求峰值</translation>
    </message>
    <message>
        <source>Peak heat demand</source>
        <translation>热需求峰值</translation>
    </message>
    <message>
        <source>Peak cooling demand</source>
        <translation>冷需求峰值</translation>
    </message>
    <message>
        <source>Peak grid import</source>
        <translation>电网购电峰值</translation>
    </message>
    <message>
        <source>Lowest feeder voltage</source>
        <translation>馈线最低电压</translation>
    </message>
    <message>
        <source>Highest line loading</source>
        <translation>线路最高负载率</translation>
    </message>
</context>
<context>
    <name>tt::PresentationMode</name>
    <message>
        <source>d MMMM yyyy, HH:mm</source>
        <translation>yyyy年M月d日 HH:mm</translation>
    </message>
</context>
<context>
    <name>tt::ProjectSession</name>
    <message>
        <source>New empty plan: import GIS data to start</source>
        <translation>新的空白方案：请导入 GIS 数据开始</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>TownTwin did not close properly last time. An autosave of %1 from %2 exists.</source>
        <translation>TownTwin 上次未正常关闭。存在 %2 时 %1 的自动保存。</translation>
    </message>
    <message>
        <source>an untitled plan</source>
        <translation>未命名方案</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Recover autosave</source>
        <translation>恢复自动保存</translation>
    </message>
    <message>
        <source>Recovered the autosave from %1; save to keep it.</source>
        <translation>已恢复 %1 的自动保存；请保存以保留。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The plan has unsaved changes. Save them first?</source>
        <translation>方案有未保存的更改。是否先保存？</translation>
    </message>
</context>
<context>
    <name>tt::PropertiesPanel</name>
    <message>
        <source>Open link %1</source>
        <translation>断开管线 %1</translation>
    </message>
    <message>
        <source>Close link %1</source>
        <translation>闭合管线 %1</translation>
    </message>
    <message>
        <source>Nothing selected. Click a building in the 3D view; Shift+click adds to the selection.</source>
        <translation>未选中任何对象。在三维视图中单击建筑；Shift+单击可加入选择。</translation>
    </message>
    <message>
        <source>Building %1</source>
        <translation>建筑 %1</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Source id</source>
        <translation>源 ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Storeys</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source> (guessed)</source>
        <translation>（估计）</translation>
    </message>
    <message>
        <source> (measured)</source>
        <translation>（实测）</translation>
    </message>
    <message>
        <source>Ground elevation</source>
        <translation>地面高程</translation>
    </message>
    <message>
        <source>Footprint</source>
        <translation>基底面积</translation>
    </message>
    <message>
        <source>Gross floor area</source>
        <translation>总建筑面积</translation>
    </message>
    <message>
        <source>Below ground</source>
        <translation>地下</translation>
    </message>
    <message>
        <source>%1 storeys, %2</source>
        <translation>%1 层，%2</translation>
    </message>
    <message>
        <source>Year built</source>
        <translation>建成年份</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Surroundings: drawn for context, not counted or simulated</source>
        <translation>周边建筑：仅作背景显示，不计入统计也不参与模拟</translation>
    </message>
    <message>
        <source>Zone %1</source>
        <translation>地块 %1</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Road %1</source>
        <translation>道路 %1</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>transformer</source>
        <translation>变压器</translation>
    </message>
    <message>
        <source>cable</source>
        <translation>电缆</translation>
    </message>
    <message>
        <source>pipe pair</source>
        <translation>供回水管</translation>
    </message>
    <message>
        <source>Open switch</source>
        <translation>断开开关</translation>
    </message>
    <message>
        <source>Close valve</source>
        <translation>关闭阀门</translation>
    </message>
    <message>
        <source>Close switch</source>
        <translation>闭合开关</translation>
    </message>
    <message>
        <source>Open valve</source>
        <translation>打开阀门</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未给出</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>in service</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>switch open</source>
        <translation>开关断开</translation>
    </message>
    <message>
        <source>valve closed</source>
        <translation>阀门关闭</translation>
    </message>
    <message>
        <source>Voltage</source>
        <translation>电压</translation>
    </message>
    <message>
        <source>%1 / %2 kV</source>
        <translation>%1 / %2 kV</translation>
    </message>
    <message>
        <source>%1 kV</source>
        <translation>%1 kV</translation>
    </message>
    <message>
        <source>Impedance</source>
        <translation>阻抗</translation>
    </message>
    <message>
        <source>%1 + j%2 Ω</source>
        <translation>%1 + j%2 Ω</translation>
    </message>
    <message>
        <source>Ampacity</source>
        <translation>载流量</translation>
    </message>
    <message>
        <source>%1 A</source>
        <translation>%1 A</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Bore</source>
        <translation>管径</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 毫米</translation>
    </message>
    <message>
        <source>Supply / return</source>
        <translation>供水/回水</translation>
    </message>
    <message>
        <source>%1 / %2 °C</source>
        <translation>%1 / %2 °C</translation>
    </message>
    <message>
        <source>Heat loss</source>
        <translation>热损失</translation>
    </message>
    <message>
        <source>%1 W/(m·K) a pipe</source>
        <translation>每根管 %1 W/(m·K)</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并行回路数</translation>
    </message>
    <message>
        <source>%1 node %2</source>
        <translation>%1节点 %2</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Serves building</source>
        <translation>服务建筑</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n entities selected</source>
        <translation>
            <numerusform>已选中 %n 个对象</numerusform>
        </translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>Energy assets</source>
        <translation>能源设备</translation>
    </message>
    <message>
        <source>Network nodes and links</source>
        <translation>管网节点和管线</translation>
    </message>
    <message>
        <source>Total footprint</source>
        <translation>基底面积合计</translation>
    </message>
    <message>
        <source>Total floor area</source>
        <translation>建筑面积合计</translation>
    </message>
</context>
<context>
    <name>tt::ReportExport</name>
    <message>
        <source>Report export cancelled; no file written.</source>
        <translation>已取消导出报告；未写入文件。</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>正在准备报告…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Simulating the energy system…</source>
        <translation>正在模拟能源系统…</translation>
    </message>
    <message>
        <source>Drawing the title view…</source>
        <translation>正在绘制封面视图…</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在写入报告…</translation>
    </message>
    <message numerus="yes">
        <source>Report of %n page(s) written to %1</source>
        <translation>
            <numerusform>已将 %n 页的报告写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>tt::ReportWriter</name>
    <message>
        <source>the project names no weather file and no bundled weather station lies near its site.</source>
        <translation>项目未指定气象文件，场地附近也没有内置气象站。</translation>
    </message>
    <message>
        <source>Home view</source>
        <translation>主视图</translation>
    </message>
    <message>
        <source>Town plan</source>
        <translation>城镇规划</translation>
    </message>
    <message>
        <source>%1: is a folder; give the name of a PDF file</source>
        <translation>%1：这是一个文件夹；请给出 PDF 文件名</translation>
    </message>
    <message>
        <source>%1: no font for Chinese text is installed (install fonts-noto-cjk)</source>
        <translation>%1：未安装中文字体（请安装 fonts-noto-cjk）</translation>
    </message>
    <message>
        <source>%1: cancelled; no report written</source>
        <translation>%1：已取消；未写入报告</translation>
    </message>
    <message>
        <source>%1: cannot write the report: %2</source>
        <translation>%1：无法写入报告：%2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>TownTwin planning report</source>
        <translation>TownTwin 规划报告</translation>
    </message>
    <message>
        <source>%1° %2, %3° %4</source>
        <translation>%2 %1°，%4 %3°</translation>
    </message>
    <message>
        <source>N</source>
        <translation>北纬</translation>
    </message>
    <message>
        <source>S</source>
        <translation>南纬</translation>
    </message>
    <message>
        <source>E</source>
        <translation>东经</translation>
    </message>
    <message>
        <source>W</source>
        <translation>西经</translation>
    </message>
    <message>
        <source>View: %1</source>
        <translation>视图：%1</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>%1 km²</source>
        <translation>%1 平方公里</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Plan check</source>
        <translation>规划校核</translation>
    </message>
    <message>
        <source>%1 of %2 met</source>
        <translation>%1 / %2 项达标</translation>
    </message>
    <message>
        <source>Self-sufficiency</source>
        <translation>自给率</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Land use</source>
        <translation>用地</translation>
    </message>
    <message>
        <source>Areas inside the site boundary; floor areas of every building.</source>
        <translation>面积按场地边界内统计；建筑面积包括全部建筑。</translation>
    </message>
    <message>
        <source>The site is the sum of the zones (the project has no site boundary).</source>
        <translation>场地面积为各地块面积之和（项目没有场地边界）。</translation>
    </message>
    <message>
        <source>Built-up land</source>
        <translation>建设用地</translation>
    </message>
    <message>
        <source>Zones of built-up classes</source>
        <translation>建设用地类别的地块</translation>
    </message>
    <message>
        <source>Farmland</source>
        <translation>农田</translation>
    </message>
    <message>
        <source>%1 km² of agricultural land</source>
        <translation>农用地 %1 平方公里</translation>
    </message>
    <message>
        <source>Green ratio</source>
        <translation>绿地率</translation>
    </message>
    <message>
        <source>Green zones per built-up land</source>
        <translation>绿地占建设用地的比例</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>%1 in no zone</source>
        <translation>%1 栋不在任何地块内</translation>
    </message>
    <message>
        <source>Floor area</source>
        <translation>建筑面积</translation>
    </message>
    <message>
        <source>%1 m²</source>
        <translation>%1 平方米</translation>
    </message>
    <message>
        <source>FAR %1, coverage %2 on built-up land</source>
        <translation>建设用地容积率 %1，建筑密度 %2</translation>
    </message>
    <message>
        <source>Land use by zone class</source>
        <translation>按用地类别统计</translation>
    </message>
    <message>
        <source>Zone class</source>
        <translation>用地类别</translation>
    </message>
    <message>
        <source>Area km²</source>
        <translation>面积 km²</translation>
    </message>
    <message>
        <source>Share of site</source>
        <translation>占场地比例</translation>
    </message>
    <message>
        <source>FAR</source>
        <translation>容积率</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>建筑密度</translation>
    </message>
    <message>
        <source>Area by zone class</source>
        <translation>各用地类别面积</translation>
    </message>
    <message>
        <source>Floor area by building use</source>
        <translation>各建筑功能的建筑面积</translation>
    </message>
    <message>
        <source>The plan&apos;s rules cannot be checked: %1</source>
        <translation>无法校核规划规则：%1</translation>
    </message>
    <message>
        <source>The plan measured against the targets of its rule set (%1 rules).</source>
        <translation>按规则集的指标校核本规划（共 %1 条规则）。</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Within the target</source>
        <translation>符合指标</translation>
    </message>
    <message>
        <source>Warned</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Near the limit of the target</source>
        <translation>接近指标限值</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Outside the target</source>
        <translation>超出指标</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Failed rules</source>
        <translation>未通过的规则</translation>
    </message>
    <message>
        <source>None: every rule is met or within its warning band.</source>
        <translation>无：所有规则均达标或在警告范围内。</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>全部规则</translation>
    </message>
    <message>
        <source>Capacity and service reach</source>
        <translation>容量与服务覆盖</translation>
    </message>
    <message>
        <source>What the planned floor area holds, from the floor area per person, job, seat and bed of the project&apos;s zoning settings.</source>
        <translation>按项目规划设置中的人均、岗位、学位和床位面积，计算规划建筑面积可容纳的规模。</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>就业岗位</translation>
    </message>
    <message>
        <source>School seats</source>
        <translation>学位</translation>
    </message>
    <message>
        <source>Hospital beds</source>
        <translation>医院床位</translation>
    </message>
    <message>
        <source>Elderly-care beds</source>
        <translation>养老床位</translation>
    </message>
    <message>
        <source>Jobs per resident</source>
        <translation>人均就业岗位</translation>
    </message>
    <message>
        <source>Service reach</source>
        <translation>服务覆盖</translation>
    </message>
    <message>
        <source>Share of residents within walking distance of each service, along the roads.</source>
        <translation>沿道路步行距离内可到达各项服务的居民比例。</translation>
    </message>
    <message>
        <source>Share of residents within walking distance of each service, in a straight line (the plan has no roads).</source>
        <translation>直线步行距离内可到达各项服务的居民比例（规划中没有道路）。</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务设施</translation>
    </message>
    <message>
        <source>Residents reached</source>
        <translation>覆盖居民</translation>
    </message>
    <message>
        <source>Walking radius</source>
        <translation>步行半径</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>设施数</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>Energy system</source>
        <translation>能源系统</translation>
    </message>
    <message>
        <source>Not simulated: %1</source>
        <translation>未模拟：%1</translation>
    </message>
    <message>
        <source>rule-based dispatch</source>
        <translation>规则调度</translation>
    </message>
    <message>
        <source>optimal dispatch (lowest CO₂)</source>
        <translation>优化调度（CO₂ 最低）</translation>
    </message>
    <message>
        <source>optimal dispatch (lowest cost)</source>
        <translation>优化调度（成本最低）</translation>
    </message>
    <message>
        <source>The micro-energy system simulated hour by hour over a year: weather %1; buildings %2; %3; tariff %4. Savings are against the baseline: grid electricity, gas boilers and electric chillers for the same demand.</source>
        <translation>微能源系统全年逐时模拟：气象 %1；建筑 %2；%3；电价 %4。节约量相对于基准方案：同样的需求由电网供电、燃气锅炉和电制冷机满足。</translation>
    </message>
    <message>
        <source>1 − grid import / electricity used in the town</source>
        <translation>1 − 电网购电量 / 城镇用电量</translation>
    </message>
    <message>
        <source>Renewable share</source>
        <translation>可再生能源占比</translation>
    </message>
    <message>
        <source>Of all energy the system takes in</source>
        <translation>占系统全部输入能源</translation>
    </message>
    <message>
        <source>Primary-energy saving</source>
        <translation>一次能源节约率</translation>
    </message>
    <message>
        <source>%1 with credit for export</source>
        <translation>计入上网电量为 %1</translation>
    </message>
    <message>
        <source>CO₂ saving</source>
        <translation>CO₂ 减排率</translation>
    </message>
    <message>
        <source>%1 t/a against %2 t/a</source>
        <translation>%1 吨/年，基准 %2 吨/年</translation>
    </message>
    <message>
        <source>Energy cost</source>
        <translation>能源费用</translation>
    </message>
    <message>
        <source>%1/a</source>
        <translation>%1/年</translation>
    </message>
    <message>
        <source>Baseline %1/a</source>
        <translation>基准 %1/年</translation>
    </message>
    <message>
        <source>Peak grid import</source>
        <translation>电网购电峰值</translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
    <message>
        <source>Grid export %1 MWh/a</source>
        <translation>上网电量 %1 MWh/年</translation>
    </message>
    <message>
        <source>Monthly electricity balance</source>
        <translation>逐月电力平衡</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用电</translation>
    </message>
    <message>
        <source>MWh</source>
        <translation>MWh</translation>
    </message>
    <message>
        <source>Bars: where each month&apos;s electricity came from. Line: what the town used (buildings, heat pumps, chillers, EV charging). Supply above the line was stored or exported.</source>
        <translation>柱：每月电力的来源。线：城镇用电量（建筑、热泵、制冷机、电动汽车充电）。高出折线的供电被储存或上网。</translation>
    </message>
    <message>
        <source>The year&apos;s energy</source>
        <translation>全年能源</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>MWh/a</source>
        <translation>MWh/年</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>供应</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>电力</translation>
    </message>
    <message>
        <source>Heating</source>
        <translation>供热</translation>
    </message>
    <message>
        <source>Cooling</source>
        <translation>供冷</translation>
    </message>
    <message>
        <source>Hot water</source>
        <translation>生活热水</translation>
    </message>
    <message>
        <source>EV driving</source>
        <translation>电动汽车行驶</translation>
    </message>
    <message>
        <source>PV</source>
        <translation>光伏</translation>
    </message>
    <message>
        <source>Wind</source>
        <translation>风电</translation>
    </message>
    <message>
        <source>CHP electricity</source>
        <translation>热电联产发电</translation>
    </message>
    <message>
        <source>Heat pumps (heat)</source>
        <translation>热泵（供热）</translation>
    </message>
    <message>
        <source>Grid import</source>
        <translation>电网购电</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>燃气</translation>
    </message>
    <message>
        <source>Economics</source>
        <translation>经济性</translation>
    </message>
    <message>
        <source>This plan</source>
        <translation>本方案</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基准方案</translation>
    </message>
    <message>
        <source>%1 CNY/kWh</source>
        <translation>%1 元/kWh</translation>
    </message>
    <message>
        <source>Capex</source>
        <translation>初始投资</translation>
    </message>
    <message>
        <source>Annual opex</source>
        <translation>年运营成本</translation>
    </message>
    <message>
        <source>Annualised cost</source>
        <translation>年化成本</translation>
    </message>
    <message>
        <source>Net present cost</source>
        <translation>净现成本</translation>
    </message>
    <message>
        <source>Levelised cost of electricity</source>
        <translation>平准化度电成本</translation>
    </message>
    <message>
        <source>Net present value against the baseline: %1 over %2 years at %3 % a year; simple payback: %4.</source>
        <translation>相对基准方案的净现值：%1（%2 年，年折现率 %3 %）；静态回收期：%4。</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <source>never</source>
        <translation>无法回收</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>tt::SankeyWidget</name>
    <message>
        <source>No energy flows yet</source>
        <translation>暂无能流</translation>
    </message>
</context>
<context>
    <name>tt::ScenarioCompareView</name>
    <message>
        <source>Drag to move the divide between the scenarios</source>
        <translation>拖动可移动两个方案之间的分界线</translation>
    </message>
</context>
<context>
    <name>tt::ScenarioComparison</name>
    <message>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>就业岗位</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Gross floor area</source>
        <translation>总建筑面积</translation>
    </message>
    <message>
        <source>Floor-area ratio (built-up)</source>
        <translation>容积率（建设用地）</translation>
    </message>
    <message>
        <source>Building coverage (built-up)</source>
        <translation>建筑密度（建设用地）</translation>
    </message>
    <message>
        <source>Green ratio</source>
        <translation>绿地率</translation>
    </message>
    <message>
        <source>Farmland share</source>
        <translation>农田占比</translation>
    </message>
    <message>
        <source>Built-up land</source>
        <translation>建设用地</translation>
    </message>
    <message>
        <source>Residents near a primary school</source>
        <translation>小学服务范围内的居民</translation>
    </message>
    <message>
        <source>Residents near a hospital</source>
        <translation>医院服务范围内的居民</translation>
    </message>
    <message>
        <source>Residents near a park</source>
        <translation>公园服务范围内的居民</translation>
    </message>
    <message>
        <source>Plan rules failed</source>
        <translation>未通过的规划规则</translation>
    </message>
    <message>
        <source>Electricity demand</source>
        <translation>电力需求</translation>
    </message>
    <message>
        <source>Heating demand</source>
        <translation>供热需求</translation>
    </message>
    <message>
        <source>Cooling demand</source>
        <translation>供冷需求</translation>
    </message>
    <message>
        <source>Solar generation</source>
        <translation>光伏发电量</translation>
    </message>
    <message>
        <source>Self-sufficiency</source>
        <translation>自给率</translation>
    </message>
    <message>
        <source>Renewable share</source>
        <translation>可再生能源占比</translation>
    </message>
    <message>
        <source>Primary-energy saving</source>
        <translation>一次能源节约率</translation>
    </message>
    <message>
        <source>CO₂ saving</source>
        <translation>CO₂ 减排率</translation>
    </message>
    <message>
        <source>CO₂ emissions</source>
        <translation>CO₂ 排放</translation>
    </message>
    <message>
        <source>Peak grid import</source>
        <translation>电网购电峰值</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>投资</translation>
    </message>
    <message>
        <source>Operating cost per year</source>
        <translation>年运营成本</translation>
    </message>
    <message>
        <source>Annualised cost</source>
        <translation>年化成本</translation>
    </message>
    <message>
        <source>Net present value</source>
        <translation>净现值</translation>
    </message>
    <message>
        <source>Cost of electricity</source>
        <translation>度电成本</translation>
    </message>
</context>
<context>
    <name>tt::ScenarioPanel</name>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Double-click a scenario to make it the plan you edit and analyse</source>
        <translation>双击某个方案，使其成为当前编辑和分析的方案</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>A copy of the active scenario, to change without touching it</source>
        <translation>当前方案的副本，可修改而不影响原方案</translation>
    </message>
    <message>
        <source>Swipe</source>
        <translation>卷帘</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排</translation>
    </message>
    <message>
        <source>Compare the active scenario</source>
        <translation>比较当前方案</translation>
    </message>
    <message>
        <source>With:</source>
        <translation>与：</translation>
    </message>
    <message>
        <source>In the view:</source>
        <translation>视图中：</translation>
    </message>
    <message>
        <source>New scenario</source>
        <translation>新建方案</translation>
    </message>
    <message>
        <source>Name of the new scenario:</source>
        <translation>新方案名称：</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>比选方案</translation>
    </message>
    <message>
        <source>The energy years could not be simulated.</source>
        <translation>无法模拟全年能源。</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>基础方案</translation>
    </message>
    <message>
        <source>New scenario %1</source>
        <translation>新方案 %1</translation>
    </message>
    <message>
        <source>Base (the only plan)</source>
        <translation>基础方案（唯一方案）</translation>
    </message>
    <message>
        <source>Add a scenario to plan a variant beside this one</source>
        <translation>添加一个方案，在此方案之外规划另一比选方案</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1（当前）</translation>
    </message>
    <message>
        <source>Add a second scenario to compare.</source>
        <translation>请添加第二个方案以进行比较。</translation>
    </message>
    <message>
        <source>Switch to scenario %1</source>
        <translation>切换到方案 %1</translation>
    </message>
    <message>
        <source>Rename scenario</source>
        <translation>重命名方案</translation>
    </message>
    <message>
        <source>New name of %1:</source>
        <translation>%1 的新名称：</translation>
    </message>
    <message>
        <source>Rename scenario %1 to %2</source>
        <translation>将方案 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Remove scenario %1</source>
        <translation>移除方案 %1</translation>
    </message>
    <message>
        <source>Energy and economics appear here when the project has weather.</source>
        <translation>项目有气象数据后，此处将显示能源和经济性结果。</translation>
    </message>
    <message>
        <source>Simulating both scenarios&apos; years…</source>
        <translation>正在模拟两个方案的全年运行…</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
</context>
<context>
    <name>tt::SceneController</name>
    <message>
        <source>Land-use zones</source>
        <translation>用地分区</translation>
    </message>
    <message>
        <source>Building use</source>
        <translation>建筑用途</translation>
    </message>
    <message>
        <source>Surroundings (context)</source>
        <translation>周边建筑（背景）</translation>
    </message>
    <message>
        <source>Height (m)</source>
        <translation>高度（米）</translation>
    </message>
    <message>
        <source>No value</source>
        <translation>无数值</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>已选中</translation>
    </message>
    <message>
        <source>Height guessed (hatched)</source>
        <translation>高度为估计值（阴影线）</translation>
    </message>
</context>
<context>
    <name>tt::SelectTool</name>
    <message>
        <source>Select: click a building, zone or asset; Shift+click adds; Shift+drag selects a box; drag orbits</source>
        <translation>选择：单击建筑、地块或设备；Shift+单击加选；Shift+拖动框选；拖动可旋转视角</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>选择</translation>
    </message>
</context>
<context>
    <name>tt::SizingDialog</name>
    <message>
        <source>Optimise energy system sizes</source>
        <translation>优化能源系统容量配置</translation>
    </message>
    <message>
        <source>What to optimise</source>
        <translation>优化目标</translation>
    </message>
    <message>
        <source>Lowest cost (annualised capex, O&amp;M and energy bill)</source>
        <translation>成本最低（年化投资、运维和能源费用）</translation>
    </message>
    <message>
        <source>Lowest CO₂</source>
        <translation>CO₂ 最低</translation>
    </message>
    <message>
        <source>Objective:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>CO₂ cap:</source>
        <translation>CO₂ 上限：</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>不超过</translation>
    </message>
    <message>
        <source> t/a</source>
        <translation> 吨/年</translation>
    </message>
    <message>
        <source>Capex budget:</source>
        <translation>投资预算：</translation>
    </message>
    <message>
        <source> M CNY</source>
        <translation> 百万元</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel sizing</source>
        <translation>取消优化(&amp;C)</translation>
    </message>
    <message>
        <source>Current system</source>
        <translation>当前系统</translation>
    </message>
    <message>
        <source>Optimised</source>
        <translation>优化结果</translation>
    </message>
    <message>
        <source>PV rooftop (kWp)</source>
        <translation>屋顶光伏 (kWp)</translation>
    </message>
    <message>
        <source>PV fields (kWp)</source>
        <translation>地面光伏 (kWp)</translation>
    </message>
    <message>
        <source>Wind (kW)</source>
        <translation>风电 (kW)</translation>
    </message>
    <message>
        <source>Battery energy (kWh)</source>
        <translation>电池容量 (kWh)</translation>
    </message>
    <message>
        <source>Battery power (kW)</source>
        <translation>电池功率 (kW)</translation>
    </message>
    <message>
        <source>CHP (kWe)</source>
        <translation>热电联产 (kWe)</translation>
    </message>
    <message>
        <source>Absorption chillers (kW)</source>
        <translation>吸收式制冷机 (kW)</translation>
    </message>
    <message>
        <source>Heat pumps (kW)</source>
        <translation>热泵 (kW)</translation>
    </message>
    <message>
        <source>Hot-water tank (kWh)</source>
        <translation>热水罐 (kWh)</translation>
    </message>
    <message>
        <source>Boilers (kW)</source>
        <translation>锅炉 (kW)</translation>
    </message>
    <message>
        <source>Electric chillers (kW)</source>
        <translation>电制冷机 (kW)</translation>
    </message>
    <message>
        <source>Annualised cost (M CNY/a)</source>
        <translation>年化成本（百万元/年）</translation>
    </message>
    <message>
        <source>Capex (M CNY)</source>
        <translation>初始投资（百万元）</translation>
    </message>
    <message>
        <source>NPV against baseline (M CNY)</source>
        <translation>相对基准方案的净现值（百万元）</translation>
    </message>
    <message>
        <source>CO₂ (t/a)</source>
        <translation>CO₂（吨/年）</translation>
    </message>
    <message>
        <source>Self-sufficiency (%)</source>
        <translation>自给率 (%)</translation>
    </message>
    <message>
        <source>Renewable share (%)</source>
        <translation>可再生能源占比 (%)</translation>
    </message>
    <message>
        <source>Net present cost of the separate-production baseline minus the system&apos;s: above 0 the system pays off</source>
        <translation>分产基准方案的净现成本减去本系统的净现成本：大于 0 即本系统合算</translation>
    </message>
    <message>
        <source>Capex over its life, replacements and salvage, fixed O&amp;M and the year&apos;s energy bill</source>
        <translation>按寿命分摊的投资、设备更换与残值、固定运维费用及全年能源费用</translation>
    </message>
    <message>
        <source>Save sizing.json…</source>
        <translation>保存 sizing.json…</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The plan has no weather yet: choose a weather file in the Energy dock first.</source>
        <translation>方案尚无气象数据：请先在能源面板中选择气象文件。</translation>
    </message>
    <message>
        <source>The energy simulation failed (%1): the sizing needs its simulated year.</source>
        <translation>能源模拟失败（%1）：容量优化需要模拟年份的结果。</translation>
    </message>
    <message>
        <source>Waiting for the energy simulation of the current plan: the sizing starts from its simulated year.</source>
        <translation>正在等待当前方案的能源模拟：容量优化以其模拟年份为起点。</translation>
    </message>
    <message>
        <source>Sizes every technology for the plan&apos;s simulated year in one linear programme over its 8,760 hours (PV limited to the roofs and farmland, wind to the plan&apos;s sites). It takes about a minute whatever the size of the town; several with a CO2 cap.</source>
        <translation>用一个覆盖全年 8,760 小时的线性规划，按方案的模拟年份为每种技术配置容量（光伏以屋顶和农田为限，风电以方案中的场址为限）。无论小镇规模大小，约需一分钟；设置 CO2 上限时需数分钟。</translation>
    </message>
    <message>
        <source>The plan has no energy assets: “Current system” is the default set.</source>
        <translation>方案中没有能源设备：“当前系统”为默认配置。</translation>
    </message>
    <message>
        <source>Lowest CO₂ without a capex budget may build far beyond what pays.</source>
        <translation>不设投资预算时追求 CO₂ 最低，建设规模可能远超经济合理的水平。</translation>
    </message>
    <message>
        <source>The plan changed after the sizing below started: start again to apply sizes.</source>
        <translation>下面的容量优化开始后方案已更改：请重新开始后再应用容量。</translation>
    </message>
    <message>
        <source>The plan changed after this sizing started: start again to apply sizes</source>
        <translation>此次容量优化开始后方案已更改：请重新开始后再应用容量</translation>
    </message>
    <message>
        <source>Rewrite the plan&apos;s energy assets to the optimised sizes (one undo step)</source>
        <translation>将方案的能源设备改为优化后的容量（可一步撤销）</translation>
    </message>
    <message>
        <source>Cancelling… (%1 elapsed; the solver stops at its next check)</source>
        <translation>正在取消…（已用 %1；求解器将在下一次检查时停止）</translation>
    </message>
    <message>
        <source>solving the year&apos;s linear programme</source>
        <translation>正在求解全年线性规划</translation>
    </message>
    <message>
        <source>evaluating the sized system</source>
        <translation>正在评估配置后的系统</translation>
    </message>
    <message>
        <source>Sizing: %1 — %2 elapsed</source>
        <translation>容量优化：%1——已用 %2</translation>
    </message>
    <message>
        <source>Cancelled after %1: no sizes computed.</source>
        <translation>已在 %1 后取消：未算出容量。</translation>
    </message>
    <message>
        <source>The sizing failed after %1: %2</source>
        <translation>容量优化在 %1 后失败：%2</translation>
    </message>
    <message>
        <source>Sized in %1: %2</source>
        <translation>优化用时 %1：%2</translation>
    </message>
    <message>
        <source>the optimum emits %1 % %2 CO₂ a year than the current system (%3 against %4 t).</source>
        <translation>最优方案每年的 CO₂ 排放比当前系统%2 %1 %（%3 吨对 %4 吨）。</translation>
    </message>
    <message>
        <source>less</source>
        <translation>少</translation>
    </message>
    <message>
        <source>more</source>
        <translation>多</translation>
    </message>
    <message>
        <source>the optimum costs %1 % %2 a year than the current system (%3 against %4 M CNY).</source>
        <translation>最优方案每年的成本比当前系统%2 %1 %（%3 百万元对 %4 百万元）。</translation>
    </message>
    <message>
        <source>Solver (Benders decomposition, COIN-OR CLP): the year&apos;s programme has %1 rows, %2 columns, %3 non-zeros; solved %4 times, %5 iterations, %6 s, %7.</source>
        <translation>求解器（Benders 分解，COIN-OR CLP）：全年规划有 %1 行、%2 列、%3 个非零元；求解 %4 次，迭代 %5 次，用时 %6 秒，%7。</translation>
    </message>
    <message>
        <source>There is no sizing to apply: start one first.</source>
        <translation>没有可应用的容量优化结果：请先开始优化。</translation>
    </message>
    <message>
        <source>A sizing is running: wait for it or cancel it.</source>
        <translation>容量优化正在运行：请等待其完成或取消。</translation>
    </message>
    <message>
        <source>The plan changed after this sizing started: start again to apply sizes.</source>
        <translation>此次容量优化开始后方案已更改：请重新开始后再应用容量。</translation>
    </message>
    <message>
        <source>Apply optimised sizes</source>
        <translation>应用优化后的容量</translation>
    </message>
    <message>
        <source>There is no sizing to save: start one first.</source>
        <translation>没有可保存的容量优化结果：请先开始优化。</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>Save sizing</source>
        <translation>保存容量优化结果</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>tt::TariffBox</name>
    <message>
        <source>%1
Region: %2
Date: %3
Demand charge: %4 CNY/kW·month
Feed-in: %5 CNY/kWh</source>
        <translation>%1
地区：%2
日期：%3
需量电费：%4 元/kW·月
上网电价：%5 元/kWh</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit the prices, time-of-use hours, demand charge and feed-in of the tariff in use, or import one from a file; the project keeps the edited copy</source>
        <translation>编辑当前电价的价格、分时时段、需量电费和上网电价，或从文件导入电价；项目会保存编辑后的副本</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>使用中：%1</translation>
    </message>
    <message>
        <source>Edited tariff (unusable, default applies)</source>
        <translation>编辑后的电价（不可用，使用默认电价）</translation>
    </message>
    <message>
        <source>%1 (unusable, default applies)</source>
        <translation>%1（不可用，使用默认电价）</translation>
    </message>
    <message>
        <source>Edited: %1</source>
        <translation>已编辑：%1</translation>
    </message>
    <message>
        <source>Tariff: %1</source>
        <translation>电价：%1</translation>
    </message>
</context>
<context>
    <name>tt::TariffDialog</name>
    <message>
        <source> CNY/kW·month</source>
        <translation> 元/kW·月</translation>
    </message>
    <message>
        <source> CNY/kWh</source>
        <translation> 元/kWh</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Based on</source>
        <translation>基于</translation>
    </message>
    <message>
        <source>Energy prices (CNY/kWh, tax included) by season and period</source>
        <translation>按季节和时段的电度电价（元/kWh，含税）</translation>
    </message>
    <message>
        <source>Hours of the day: click an hour to move it to the season&apos;s next period</source>
        <translation>一天中的各小时：单击某小时可将其移到该季节的下一时段</translation>
    </message>
    <message>
        <source>Demand charge</source>
        <translation>需量电费</translation>
    </message>
    <message>
        <source>Feed-in (export)</source>
        <translation>上网电价（售电）</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>燃气</translation>
    </message>
    <message>
        <source>Biomass</source>
        <translation>生物质</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Replace the fields with a tariff file (format: resources/energy/tariffs/README.md)</source>
        <translation>用电价文件替换各字段（格式见 resources/energy/tariffs/README.md）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the tariff as edited here as a tariff file</source>
        <translation>将此处编辑的电价保存为电价文件</translation>
    </message>
    <message>
        <source>%1, %2 (edited)</source>
        <translation>%1，%2（已编辑）</translation>
    </message>
    <message>
        <source>%1, %2 (bundled tariff %3)</source>
        <translation>%1，%2（内置电价 %3）</translation>
    </message>
    <message>
        <source>%1 has no %2 period</source>
        <translation>%1没有%2时段</translation>
    </message>
    <message>
        <source>%1:00–%2:00: %3</source>
        <translation>%1:00–%2:00：%3</translation>
    </message>
    <message>
        <source>%1 cannot be imported as a tariff.</source>
        <translation>%1 无法作为电价导入。</translation>
    </message>
    <message>
        <source>The edited tariff</source>
        <translation>编辑后的电价</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>The tariff cannot be exported to %1.</source>
        <translation>无法将电价导出到 %1。</translation>
    </message>
    <message>
        <source>The tariff cannot be used as it is.</source>
        <translation>该电价当前无法使用。</translation>
    </message>
    <message>
        <source>Edit tariff</source>
        <translation>编辑电价</translation>
    </message>
    <message>
        <source>Import a tariff</source>
        <translation>导入电价</translation>
    </message>
    <message>
        <source>Tariff files (*.json);;All files (*)</source>
        <translation>电价文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export the tariff</source>
        <translation>导出电价</translation>
    </message>
    <message>
        <source>Critical peak</source>
        <translation>尖峰</translation>
    </message>
    <message>
        <source>CP</source>
        <translation>尖</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰</translation>
    </message>
    <message>
        <source>P</source>
        <translation>峰</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>平</translation>
    </message>
    <message>
        <source>F</source>
        <translation>平</translation>
    </message>
    <message>
        <source>Valley</source>
        <translation>谷</translation>
    </message>
    <message>
        <source>V</source>
        <translation>谷</translation>
    </message>
    <message>
        <source>Deep valley</source>
        <translation>深谷</translation>
    </message>
    <message>
        <source>DV</source>
        <translation>深</translation>
    </message>
</context>
<context>
    <name>tt::TimeBar</name>
    <message>
        <source>Play the year (Space)</source>
        <translation>播放全年（空格键）</translation>
    </message>
    <message>
        <source>Hour of the simulated year</source>
        <translation>模拟年份中的小时</translation>
    </message>
    <message>
        <source>1 hour/s</source>
        <translation>1 小时/秒</translation>
    </message>
    <message>
        <source>3 hours/s</source>
        <translation>3 小时/秒</translation>
    </message>
    <message>
        <source>6 hours/s</source>
        <translation>6 小时/秒</translation>
    </message>
    <message>
        <source>12 hours/s</source>
        <translation>12 小时/秒</translation>
    </message>
    <message>
        <source>1 day/s</source>
        <translation>1 天/秒</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <source>Jump to</source>
        <translation>跳转到</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● 实时</translation>
    </message>
    <message>
        <source>Follow the newest telemetry; move the slider to look back through the recorded history</source>
        <translation>跟随最新遥测数据；移动滑块可回看已记录的历史</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy HH:mm</source>
        <translation>yyyy年M月d日 ddd HH:mm</translation>
    </message>
    <message>
        <source>d MMM HH:mm</source>
        <translation>M月d日 HH:mm</translation>
    </message>
</context>
<context>
    <name>tt::ToolController</name>
    <message numerus="yes">
        <source>Delete %n entities</source>
        <translation>
            <numerusform>删除 %n 个对象</numerusform>
        </translation>
    </message>
    <message>
        <source>Not duplicated: %1</source>
        <translation>未复制：%1</translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n entities</source>
        <translation>
            <numerusform>复制 %n 个对象</numerusform>
        </translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>未移动：%1</translation>
    </message>
    <message numerus="yes">
        <source>Nudge %n entities</source>
        <translation>
            <numerusform>微移 %n 个对象</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tt::ToolOptionsBar</name>
    <message>
        <source>Tool options</source>
        <translation>工具选项</translation>
    </message>
    <message>
        <source> storeys</source>
        <translation> 层</translation>
    </message>
    <message>
        <source>The network Draw network link works on</source>
        <translation>“绘制管线”所作用的管网</translation>
    </message>
    <message>
        <source>Snap</source>
        <translation>吸附</translation>
    </message>
    <message>
        <source>Moves snap to the grid and to neighbouring corners and walls; rotations to 15° steps and road directions</source>
        <translation>移动时吸附到网格及相邻的角点和墙体；旋转时吸附到 15° 步长和道路方向</translation>
    </message>
    <message>
        <source> m grid</source>
        <translation> 米网格</translation>
    </message>
    <message>
        <source> New building: </source>
        <translation> 新建筑：</translation>
    </message>
    <message>
        <source>  Zone: </source>
        <translation>  地块：</translation>
    </message>
    <message>
        <source>  Asset: </source>
        <translation>  设备：</translation>
    </message>
    <message>
        <source>  Network: </source>
        <translation>  管网：</translation>
    </message>
</context>
<context>
    <name>tt::TransformTool</name>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Move: drag a building or asset (the whole selection moves); snapping to the grid and neighbours&apos; corners and walls when on</source>
        <translation>移动：拖动建筑或设备（整个选择集一起移动）；开启吸附时吸附到网格及相邻建筑的角点和墙体</translation>
    </message>
    <message>
        <source>Rotate: drag around the selection&apos;s centre; snapping to 15° steps and road directions when on</source>
        <translation>旋转：绕选择集中心拖动；开启吸附时吸附到 15° 步长和道路方向</translation>
    </message>
    <message>
        <source>Not moved there: %1</source>
        <translation>未移动到该处：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 %n entities</source>
        <translation>
            <numerusform>%1 %n 个对象</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tt::VertexTool</name>
    <message>
        <source>Edit corners: select one building or zone, then drag its corners; double-click an edge to add a corner, a corner to remove it</source>
        <translation>编辑角点：选择一栋建筑或一个地块，然后拖动其角点；双击边可添加角点，双击角点可删除</translation>
    </message>
    <message>
        <source>Move a corner</source>
        <translation>移动角点</translation>
    </message>
    <message>
        <source>Corner not moved there: %1</source>
        <translation>角点未移动到该处：%1</translation>
    </message>
    <message>
        <source>An outline needs at least three corners</source>
        <translation>轮廓至少需要三个角点</translation>
    </message>
    <message>
        <source>Remove a corner</source>
        <translation>删除角点</translation>
    </message>
    <message>
        <source>Corner not removed: %1</source>
        <translation>角点未删除：%1</translation>
    </message>
    <message>
        <source>Add a corner</source>
        <translation>添加角点</translation>
    </message>
    <message>
        <source>Corner not added: %1</source>
        <translation>角点未添加：%1</translation>
    </message>
    <message>
        <source>Edit corners</source>
        <translation>编辑角点</translation>
    </message>
</context>
<context>
    <name>tt::ViewSwitcher</name>
    <message>
        <source>Show scenario %1</source>
        <translation>显示方案 %1</translation>
    </message>
</context>
<context>
    <name>tt::ViewsPanel</name>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Double-click to fly there; F2 renames</source>
        <translation>双击飞往该视图；F2 重命名</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Save what the 3D view shows as a new view</source>
        <translation>将三维视图当前显示的内容保存为新视图</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Replace the selected view with what the 3D view shows</source>
        <translation>用三维视图当前显示的内容替换所选视图</translation>
    </message>
    <message>
        <source>Update view</source>
        <translation>更新视图</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move the view up</source>
        <translation>将视图上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the view down</source>
        <translation>将视图下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the view and its tour stops</source>
        <translation>移除该视图及其漫游站点</translation>
    </message>
    <message>
        <source>Remove view</source>
        <translation>移除视图</translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation>重命名视图</translation>
    </message>
    <message>
        <source>Tours</source>
        <translation>漫游</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>A new tour</source>
        <translation>新漫游</translation>
    </message>
    <message>
        <source>New tour</source>
        <translation>新建漫游</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Rename the tour</source>
        <translation>重命名漫游</translation>
    </message>
    <message>
        <source>Rename tour</source>
        <translation>重命名漫游</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the tour (its views stay)</source>
        <translation>删除漫游（其视图保留）</translation>
    </message>
    <message>
        <source>Delete tour</source>
        <translation>删除漫游</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Flight (s)</source>
        <translation>飞行（秒）</translation>
    </message>
    <message>
        <source>Hold (s)</source>
        <translation>停留（秒）</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>说明文字</translation>
    </message>
    <message>
        <source>Edit caption</source>
        <translation>编辑说明文字</translation>
    </message>
    <message>
        <source>Add stop</source>
        <translation>添加站点</translation>
    </message>
    <message>
        <source>Add the selected view (or the 3D view as a new view) as the tour&apos;s next stop</source>
        <translation>将所选视图（或将三维视图作为新视图）添加为漫游的下一站</translation>
    </message>
    <message>
        <source>Add tour stop</source>
        <translation>添加漫游站点</translation>
    </message>
    <message>
        <source>Remove stop</source>
        <translation>移除站点</translation>
    </message>
    <message>
        <source>Remove the selected stop</source>
        <translation>移除所选站点</translation>
    </message>
    <message>
        <source>Remove tour stop</source>
        <translation>移除漫游站点</translation>
    </message>
    <message>
        <source>Move the stop earlier</source>
        <translation>将站点前移</translation>
    </message>
    <message>
        <source>Move the stop later</source>
        <translation>将站点后移</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Present this tour full screen (F5)</source>
        <translation>全屏演示此漫游 (F5)</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Title (default: the site&apos;s name)</source>
        <translation>标题（默认：场地名称）</translation>
    </message>
    <message>
        <source>Presentation title</source>
        <translation>演示标题</translation>
    </message>
    <message>
        <source>KPI cards</source>
        <translation>指标卡片</translation>
    </message>
    <message>
        <source>The figures shown as big cards in presentation mode, in this order</source>
        <translation>演示模式中以大卡片显示的指标，按此顺序</translation>
    </message>
    <message>
        <source>Show KPI card</source>
        <translation>显示指标卡片</translation>
    </message>
    <message>
        <source>Hide KPI card</source>
        <translation>隐藏指标卡片</translation>
    </message>
    <message>
        <source>Add view</source>
        <translation>添加视图</translation>
    </message>
    <message>
        <source>Move view</source>
        <translation>移动视图</translation>
    </message>
    <message>
        <source>Move tour stop</source>
        <translation>移动漫游站点</translation>
    </message>
    <message>
        <source>Change tour stop</source>
        <translation>更改漫游站点</translation>
    </message>
    <message>
        <source>Change flight time</source>
        <translation>更改飞行时间</translation>
    </message>
    <message>
        <source>Change hold time</source>
        <translation>更改停留时间</translation>
    </message>
</context>
<context>
    <name>tt::WeatherChooser</name>
    <message>
        <source>Weather…</source>
        <translation>气象…</translation>
    </message>
    <message>
        <source>Choose an EnergyPlus weather file (EPW) for the simulated year</source>
        <translation>为模拟年份选择 EnergyPlus 气象文件 (EPW)</translation>
    </message>
    <message>
        <source>Choose a weather file</source>
        <translation>选择气象文件</translation>
    </message>
    <message>
        <source>EnergyPlus weather files (*.epw);;All files (*)</source>
        <translation>EnergyPlus 气象文件 (*.epw);;所有文件 (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1: the bundled weather station nearest to the site; choose a file to make another the project&apos;s</source>
        <translation>%1：距场地最近的内置气象站；选择文件可为项目改用其他气象数据</translation>
    </message>
    <message>
        <source>%1: the project&apos;s weather file</source>
        <translation>%1：项目的气象文件</translation>
    </message>
    <message>
        <source>%1 — still using %2</source>
        <translation>%1——仍在使用 %2</translation>
    </message>
</context>
<context>
    <name>tt::ZoningKpiPanel</name>
    <message>
        <source>Rule and target</source>
        <translation>规则与目标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Zone class</source>
        <translation>用地类别</translation>
    </message>
    <message>
        <source>Area km²</source>
        <translation>面积 km²</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>FAR</source>
        <translation>容积率</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>建筑密度</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务设施</translation>
    </message>
    <message>
        <source>Residents reached</source>
        <translation>覆盖居民</translation>
    </message>
    <message>
        <source>Radius m</source>
        <translation>半径（米）</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>设施数</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Built-up land</source>
        <translation>建设用地</translation>
    </message>
    <message>
        <source>Farmland</source>
        <translation>农田</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>就业岗位</translation>
    </message>
    <message>
        <source>Plan check</source>
        <translation>规划校核</translation>
    </message>
    <message>
        <source>Land use</source>
        <translation>用地</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务设施</translation>
    </message>
    <message>
        <source>%1 km²</source>
        <translation>%1 平方公里</translation>
    </message>
    <message>
        <source>Area inside the site boundary</source>
        <translation>场地边界内的面积</translation>
    </message>
    <message>
        <source>Sum of zone areas (no site boundary)</source>
        <translation>各地块面积之和（无场地边界）</translation>
    </message>
    <message>
        <source>Zones of built-up classes</source>
        <translation>建设用地类别的地块</translation>
    </message>
    <message>
        <source>%1 km² of agricultural land</source>
        <translation>农用地 %1 平方公里</translation>
    </message>
    <message>
        <source>Residential floor area / floor area per resident</source>
        <translation>住宅建筑面积 / 人均建筑面积</translation>
    </message>
    <message>
        <source>Non-residential floor area / floor area per job</source>
        <translation>非住宅建筑面积 / 每个岗位的建筑面积</translation>
    </message>
    <message>
        <source>%1 ✓ %2 ! %3 ✗</source>
        <translation>%1 ✓ %2 ! %3 ✗</translation>
    </message>
    <message>
        <source>Rules passed, warned, failed</source>
        <translation>通过、警告、未通过的规则数</translation>
    </message>
    <message>
        <source>%1
target %2</source>
        <translation>%1
目标 %2</translation>
    </message>
    <message>
        <source>Rule %1 on metric %2</source>
        <translation>规则 %1，指标 %2</translation>
    </message>
    <message>
        <source>Walking distances along the road network</source>
        <translation>沿路网的步行距离</translation>
    </message>
    <message>
        <source>Straight-line distances (the plan has no roads)</source>
        <translation>直线距离（方案中没有道路）</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>未通过</translation>
    </message>
</context>
</TS>
